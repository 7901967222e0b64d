"""Flask-WTF forms, one module per journey."""
