"""The young person's pages in English or Urdu: chosen with a switch, kept in a cookie, and
never guessed from the browser; staff pages stay in English."""
import re

import pytest


def html_tag(response):
    return re.search(r"<html[^>]*>", response.get_data(as_text=True)).group(0)


def test_english_unless_the_young_person_chose_urdu(client):
    assert html_tag(client.get("/")) == '<html lang="en-GB" dir="ltr">'
    # A shared phone set up in Urdu by someone else still starts in English.
    assert 'dir="ltr"' in html_tag(client.get("/", headers={"Accept-Language": "ur"}))
    client.set_cookie("lang", "fr")
    assert 'lang="en-GB"' in html_tag(client.get("/"))
    client.set_cookie("lang", "ur")
    assert html_tag(client.get("/")) == '<html lang="ur" dir="rtl">'


def test_the_switch_remembers_the_choice_and_comes_back_to_the_same_page(client):
    page = client.get("/share").get_data(as_text=True)
    assert 'href="/lang/ur?next=/share"' in page and 'lang="ur"' in page and "اردو" in page
    response = client.get("/lang/ur?next=/share")
    assert response.status_code == 302 and response.headers["Location"] == "/share"
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith("lang=ur;") and "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert "Max-Age=31536000" in cookie
    page = client.get("/share").get_data(as_text=True)
    assert 'dir="rtl"' in page and 'href="/lang/en?next=/share"' in page and ">English<" in page


@pytest.mark.parametrize("target", ["//evil.example/", "https://evil.example/", "/\\evil.example",
                                    "evil.example", ""])
def test_the_switch_never_sends_anyone_to_another_site(client, target):
    response = client.get("/lang/ur", query_string={"next": target})
    assert response.headers["Location"] == "/"


def test_an_unknown_language_is_not_found(client):
    assert client.get("/lang/xx?next=/").status_code == 404


def test_staff_pages_stay_in_english(client):
    client.set_cookie("lang", "ur")
    page = client.get("/staff/login")
    assert 'lang="en-GB" dir="ltr"' in html_tag(page)
    assert "lang-switch" not in page.get_data(as_text=True)
