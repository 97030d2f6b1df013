import os

from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config["REDIS_URL"] = os.environ["REDIS_URL"]
    return app
