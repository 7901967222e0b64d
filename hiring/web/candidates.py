"""The candidates pages (being built)."""

from flask import Blueprint

bp = Blueprint("candidates", __name__)
