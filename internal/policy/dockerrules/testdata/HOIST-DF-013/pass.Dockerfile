FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl
RUN apt-get -qq install --no-install-recommends git
RUN apt-get install --yes --no-install-recommends make
FROM fedora:41
RUN dnf install --assumeyes git && dnf clean all
FROM opensuse/leap:15.6
RUN zypper --non-interactive install curl
