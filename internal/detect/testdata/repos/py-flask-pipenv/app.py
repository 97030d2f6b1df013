from decouple import config
from flask import Flask

app = Flask(__name__)
app.config["SECRET_KEY"] = config("SECRET_KEY")
DB_HOST = config("DB_HOST", default="localhost")


@app.route("/")
def index():
    return "hello"


if __name__ == "__main__":
    app.run(port=5000)
