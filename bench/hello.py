"""The ceiling: a bare Flask "hello world", served by the same gunicorn settings as Voice."""
from flask import Flask

app = Flask(__name__)


@app.route("/")
def hello():
    return "Hello, World!"
