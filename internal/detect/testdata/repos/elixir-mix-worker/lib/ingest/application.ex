defmodule Ingest.Application do
  use Application

  def start(_type, _args) do
    queue = System.fetch_env!("INGEST_QUEUE_URL")
    redis = System.get_env("REDIS_URL", "redis://localhost")
    Supervisor.start_link([{Ingest.Pipeline, queue: queue, redis: redis}], strategy: :one_for_one)
  end
end
