FROM alpine:3.20
# want: HOIST-DF-BUILDKIT
COPY $UNDEFINED_SOURCE /x
# want: HOIST-DF-BUILDKIT
from alpine:3.20 AS second
