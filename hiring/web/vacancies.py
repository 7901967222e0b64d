"""The vacancies pages (being built)."""

from flask import Blueprint

bp = Blueprint("vacancies", __name__)
