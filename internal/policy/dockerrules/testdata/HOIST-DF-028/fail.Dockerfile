FROM node:22-bookworm-slim
WORKDIR /app
# want: HOIST-DF-028
COPY . .
RUN npm ci
FROM python:3.13-slim
WORKDIR /app
# want: HOIST-DF-028
COPY . /app
RUN pip install --no-cache-dir -r requirements.txt
