FROM fedora:41
# want: HOIST-DF-034
RUN dnf install -y git
FROM centos:7
# want: HOIST-DF-034
RUN yum install -y curl && yum clean metadata
