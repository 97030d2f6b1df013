require 'sinatra/base'
require 'redis'

class App < Sinatra::Base
  REDIS = Redis.new(url: ENV.fetch('REDIS_URL'))

  get '/' do
    "hits: #{REDIS.incr('hits')} #{ENV['GREETING']}"
  end
end
