FROM alpine:3.20
# want: HOIST-DF-006
ADD requirements.txt /app/
# want: HOIST-DF-006
ADD . /app
