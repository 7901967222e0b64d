"""Application services: one module per aggregate or job; they flush and audit, never commit, never see a request."""
