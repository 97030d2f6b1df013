plugins {
    alias(libs.plugins.micronaut.application)
    alias(libs.plugins.shadow)
}

version = "0.3.0"

dependencies {
    implementation(libs.micronaut.http.server.netty)
    implementation(libs.postgresql)
    testImplementation(libs.micronaut.test.junit5)
}
