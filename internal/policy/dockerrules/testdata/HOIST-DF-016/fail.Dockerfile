FROM python:3.13-slim
# want: HOIST-DF-016
RUN pip install -r requirements.txt
# want: HOIST-DF-016
RUN python3 -m pip install --upgrade pip
