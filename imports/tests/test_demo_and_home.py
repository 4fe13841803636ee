"""The demo draft loads once however often it runs; the home page offers the drafts to the reform office."""

from imports import demo
from imports.models import ImportSession


def test_demo_is_idempotent(cast):
    context = {"units": cast.units, "people": {"mai": cast.mai}}
    demo.load(context)
    demo.load(context)
    (session,) = ImportSession.objects.all()
    assert session.owner == cast.mai and len(session.tasks()) == 9


def test_home_shows_drafts_to_the_office_only(cast, client_for):
    demo.load({"units": cast.units, "people": {"mai": cast.mai}})
    page = client_for(cast.mai).get("/").content.decode()
    assert "ke-hoach-cchc-2025-bo-cuc-phan-cong.docx" in page
    other = client_for(cast.lan).get("/").content.decode()
    assert "ke-hoach-cchc-2025-bo-cuc-phan-cong.docx" not in other

