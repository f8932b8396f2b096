module otelier.io/gofloat-golden
go 1.24
