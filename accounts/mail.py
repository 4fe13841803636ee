"""The e-mail with a link to choose a password: Django's token machinery, sent through Django's mail framework.

The link is built on CCHC_SITE_URL, never on the Host header of whoever asked for it, and the mail is written in
Vietnamese whatever language the page that sent it was in. A link works once (choosing a password changes what the
token was made from) and for PASSWORD_RESET_TIMEOUT seconds.
"""

import logging
import smtplib

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

logger = logging.getLogger(__name__)

NEW, ISSUED, FORGOTTEN = "new", "issued", "forgotten"


class MailNotSent(Exception):
    """The mail server refused or could not be reached."""


def link_for(person) -> str:
    uid = urlsafe_base64_encode(force_bytes(person.pk))
    token = default_token_generator.make_token(person)
    return settings.SITE_URL.rstrip("/") + reverse("accounts:password_reset_confirm", args=[uid, token])


def send_password_link(person, *, reason: str) -> None:
    """Sends the person (at their address) the link; reason (NEW, ISSUED, FORGOTTEN) picks the wording."""
    with translation.override(settings.LANGUAGE_CODE):
        context = {"person": person, "link": link_for(person), "reason": reason, "site": settings.SITE_URL,
                   "hours": max(1, settings.PASSWORD_RESET_TIMEOUT // 3600)}
        subject = " ".join(render_to_string("accounts/email/password_link_subject.txt", context).split())
        body = render_to_string("accounts/email/password_link.txt", context)
    try:
        send_mail(subject, body, None, [person.email])
    except (OSError, smtplib.SMTPException) as error:
        logger.warning("password link for user %s not sent: %s", person.pk, error)
        raise MailNotSent from error
