# The dualchain image: the CLI and the HTTP API, configured by DUALCHAIN_* variables.
FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY graph ./graph
COPY loaders ./loaders
COPY queries ./queries
COPY api ./api
COPY viz ./viz
COPY data ./data
RUN pip install --no-cache-dir -e .
ENV DUALCHAIN_HOME=/var/lib/dualchain
EXPOSE 8000
CMD ["dualchain", "serve", "--host", "0.0.0.0", "--port", "8000"]
