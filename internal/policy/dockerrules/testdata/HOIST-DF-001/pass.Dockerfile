ARG BASE=python:3.13-slim
FROM node:22-bookworm-slim AS deps
FROM alpine:latest@sha256:0000000000000000000000000000000000000000000000000000000000000000 AS tools
FROM deps AS more
FROM scratch AS empty
FROM ${BASE}
FROM ${UNSET_ARG}
FROM registry.example.com:5000/team/app:1.2
