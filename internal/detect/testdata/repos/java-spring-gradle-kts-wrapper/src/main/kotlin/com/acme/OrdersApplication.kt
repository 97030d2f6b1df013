package com.acme

import org.springframework.boot.autoconfigure.SpringBootApplication
import org.springframework.boot.runApplication

@SpringBootApplication
class OrdersApplication

fun main(args: Array<String>) {
    val queue = System.getenv("ORDERS_QUEUE_URL")
    runApplication<OrdersApplication>(*args)
}
