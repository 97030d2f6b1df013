FROM debian:bookworm-slim
RUN apt-get update && echo "sudo is only a word here"
RUN printf '%s\n' sudo
