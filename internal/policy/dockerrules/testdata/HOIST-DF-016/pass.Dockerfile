FROM python:3.13-slim
RUN pip install --no-cache-dir -r requirements.txt
RUN --mount=type=cache,target=/root/.cache/pip pip install gunicorn==23.0.0
RUN PIP_NO_CACHE_DIR=1 pip install uvicorn
ENV PIP_NO_CACHE_DIR=off
RUN pip install flask
