module otelier.test/gofloats

go 1.26
