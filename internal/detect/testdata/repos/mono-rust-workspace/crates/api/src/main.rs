use poem::{listener::TcpListener, Route, Server};

#[tokio::main]
async fn main() -> Result<(), std::io::Error> {
    let _db = std::env::var("DATABASE_URL");
    Server::new(TcpListener::bind("0.0.0.0:4000")).run(Route::new()).await
}
