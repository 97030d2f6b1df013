FROM debian:bookworm-slim
# want: HOIST-DF-033
RUN curl -fsSLk https://example.com/x -o /x
# want: HOIST-DF-033
RUN apt-get install -y --allow-unauthenticated tool
# want: HOIST-DF-033
ENV NODE_TLS_REJECT_UNAUTHORIZED=0
# want: HOIST-DF-033
RUN pip install --trusted-host pypi.example.com flask
# want: HOIST-DF-033
RUN echo "deb [trusted=yes] http://repo.example.com stable main" > /etc/apt/sources.list.d/x.list
