"""Marking texts for the English catalogue from modules that must not import Django (the pure domain rules)."""


def gettext_noop(message: str) -> str:
    """Marks a text for the English catalogue (makemessages finds the name) and returns it unchanged: the pages
    translate it when they show it, while documents and files keep the Vietnamese."""
    return message
