package pysyntax

import (
	"reflect"

	"go.starlark.net/syntax"
)

// clone returns a deep copy of stmts, for a finally body that runs on more
// than one way out of a try statement: each copy is resolved on its own.
func clone(stmts []syntax.Stmt) []syntax.Stmt {
	out := make([]syntax.Stmt, len(stmts))
	for i, s := range stmts {
		out[i] = deepCopy(reflect.ValueOf(s)).Interface().(syntax.Stmt)
	}
	return out
}

func deepCopy(v reflect.Value) reflect.Value {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return v
		}
		if v.Type() == reflect.TypeFor[*string]() {
			return v // a Position's file name, shared
		}
		c := reflect.New(v.Elem().Type())
		c.Elem().Set(deepCopy(v.Elem()))
		return c
	case reflect.Interface:
		if v.IsNil() {
			return v
		}
		c := reflect.New(v.Type()).Elem()
		c.Set(deepCopy(v.Elem()))
		return c
	case reflect.Slice:
		if v.IsNil() {
			return v
		}
		c := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := 0; i < v.Len(); i++ {
			c.Index(i).Set(deepCopy(v.Index(i)))
		}
		return c
	case reflect.Struct:
		c := reflect.New(v.Type()).Elem()
		c.Set(v) // unexported fields (positions, comments) as they are
		for i := 0; i < v.NumField(); i++ {
			if c.Field(i).CanSet() {
				c.Field(i).Set(deepCopy(v.Field(i)))
			}
		}
		return c
	}
	return v
}
