defmodule Ingest.MixProject do
  use Mix.Project

  def project do
    [app: :ingest, version: "0.2.0", elixir: "~> 1.17", deps: deps()]
  end

  def application do
    [mod: {Ingest.Application, []}, extra_applications: [:logger]]
  end

  defp deps do
    [
      {:broadway_sqs, "~> 0.7"},
      {:ex_aws_sqs, "~> 3.4"},
      {:redix, "~> 1.5"},
      {:credo, "~> 1.7", only: [:dev, :test], runtime: false}
    ]
  end
end
