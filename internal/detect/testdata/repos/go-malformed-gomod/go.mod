module github.com/acme/broken

go 1.21

require (
	github.com/labstack/echo/v4 v4.12.0
	this is not valid
