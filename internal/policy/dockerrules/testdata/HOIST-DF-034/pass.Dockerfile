FROM fedora:41
RUN dnf install -y git && dnf clean all
RUN --mount=type=cache,target=/var/cache/dnf dnf install -y make
FROM centos:7
RUN yum install -y curl && rm -rf /var/cache/yum
