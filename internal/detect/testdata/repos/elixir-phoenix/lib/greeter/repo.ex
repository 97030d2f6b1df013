defmodule Greeter.Repo do
  use Ecto.Repo, otp_app: :greeter, adapter: Ecto.Adapters.Postgres
end
