# The dualchain image: the CLI, the HTTP API and the explorer, configured by DUALCHAIN_* variables.
FROM python:3.11-slim
# Noto CJK so that report charts label clusters in Chinese
RUN apt-get update && apt-get install -y --no-install-recommends fonts-noto-cjk && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY pyproject.toml README.md ./
COPY graph ./graph
COPY loaders ./loaders
COPY queries ./queries
COPY api ./api
COPY viz ./viz
COPY reports ./reports
COPY data ./data
RUN pip install --no-cache-dir -e .
ENV DUALCHAIN_HOME=/var/lib/dualchain
EXPOSE 8000
CMD ["dualchain", "serve", "--host", "0.0.0.0", "--port", "8000"]
