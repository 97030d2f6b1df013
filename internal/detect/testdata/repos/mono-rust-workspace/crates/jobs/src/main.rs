#[tokio::main]
async fn main() {
    let queue = std::env::var("JOBS_QUEUE_URL").unwrap();
    println!("polling {queue}");
}
