class CoverJob < ApplicationJob
  def perform(book)
    Aws::S3::Client.new.put_object(bucket: ENV["COVERS_BUCKET"], key: book.isbn)
  end
end
