"""A send that fails on our side says plainly that the message has not gone, and the same form
sent again once the database is back is saved once."""

from contextlib import contextmanager

import pytest
from sqlalchemy import func, select, text

from tests.conftest import settings_for
from tests.submissions_helpers import answers, share_page
from voice.extensions import db
from voice.submissions.models import Submission

pytestmark = pytest.mark.db  # run again on PostgreSQL (tests/suite.sh)


@pytest.fixture
def config(tmp_path):
    # As in production: an unexpected error becomes the error page instead of reaching pytest.
    return settings_for(tmp_path, PROPAGATE_EXCEPTIONS=False)


@contextmanager
def submissions_table_gone():
    """The database refuses every send, as when it is down mid-send: its table is renamed
    away (on SQLite and PostgreSQL alike) and back afterwards."""
    db.session.execute(text("ALTER TABLE submission RENAME TO submission_away"))
    db.session.commit()
    try:
        yield
    finally:
        db.session.rollback()
        db.session.execute(text("ALTER TABLE submission_away RENAME TO submission"))
        db.session.commit()


@pytest.mark.parametrize("language", ["en", "ur"])
def test_a_send_the_database_refuses_is_not_called_safe_and_goes_once_when_sent_again(
    client, language
):
    client.get(f"/lang/{language}")
    _, token = share_page(client)
    form = answers(token)
    with submissions_table_gone():
        failed = client.post("/share", data=form, headers={"Referer": "http://localhost/share"})
    page = failed.get_data(as_text=True)
    assert failed.status_code == 500
    assert "is safe" not in page and "OperationalError" not in page
    if language == "en":
        assert "Sorry, that has not gone yet" in page
        assert "Your words are still on the form on this phone" in page
    assert 'href="/share"' in page  # back to the form, where the draft is
    # The database is back: the same form goes through, and twice counts once.
    first = client.post("/share", data=form, follow_redirects=True)
    again = client.post("/share", data=form, follow_redirects=True)
    assert first.status_code == again.status_code == 200
    assert db.session.scalar(select(func.count()).select_from(Submission)) == 1


def test_a_failed_post_with_no_page_of_ours_to_go_back_to_points_home(client):
    _, token = share_page(client)
    with submissions_table_gone():
        response = client.post("/share", data=answers(token))
    assert response.status_code == 500
    page = response.get_data(as_text=True)
    assert "Sorry, that has not gone yet" in page
    assert "Go back to the form" not in page and 'href="/"' in page  # no referrer to trust
