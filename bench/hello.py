"""The yardstick of bench/load.sh: a bare Flask app answering "hello", served with the app's gunicorn settings."""

from flask import Flask

app = Flask(__name__)


@app.get("/")
def hello() -> str:
    return "hello"
