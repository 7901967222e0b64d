"""The review pages (being built)."""

from flask import Blueprint

bp = Blueprint("review", __name__)
