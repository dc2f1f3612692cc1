"""The story of a period, in words: the account Voice drafts for the Corporate Parenting
Board, and the same in young people's words (a digest for the Children in Care Council and
the Care Leavers' Forum, in English and Urdu). A worker edits and approves each; every
version is kept and every change audited."""

from flask import Blueprint

bp = Blueprint("digests", __name__)

from voice.digests import routes  # noqa: E402,F401
