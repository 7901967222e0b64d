"""The JSON API of SPEC §6 under /api/v1: Bearer tokens, the same services and rules as the pages.

Each module attaches its routes to the one blueprint defined in hiring/api/blueprint.py.
"""

from hiring.api import (
    auth,
    candidate_files,
    candidates,
    documents,
    errors,
    listings,
    openapi,
    outcomes,
    packs,
    profiles,
    resource_paths,
    resources,
    users,
    vacancies,
    webhook_paths,
    webhooks,
)
from hiring.api.blueprint import bp

__all__ = [
    "auth",
    "bp",
    "candidate_files",
    "candidates",
    "documents",
    "errors",
    "listings",
    "packs",
    "openapi",
    "outcomes",
    "profiles",
    "resource_paths",
    "resources",
    "users",
    "vacancies",
    "webhook_paths",
    "webhooks",
]
