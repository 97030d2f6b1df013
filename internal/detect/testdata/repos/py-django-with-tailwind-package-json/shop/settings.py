import os

SECRET_KEY = os.environ["SECRET_KEY"]
INSTALLED_APPS = ["django.contrib.staticfiles", "tailwind", "theme"]
TAILWIND_APP_NAME = "theme"
STATIC_URL = "static/"
