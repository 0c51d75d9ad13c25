// Package jsonerr tells encoding/json's errors about a client's JSON in the
// JSON's words. encoding/json names the Go types it decodes into ("cannot
// unmarshal string into Go struct field Properties.killed of type int", or
// for a value that is not an object the whole Go type of a struct, tags and
// all): the client wrote JSON and should be told which member holds which
// kind of value where another kind is wanted.
package jsonerr

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
)

// Describe returns err, an error of encoding/json's decoding, as a message
// naming the member (a dotted path of member names, "sources.title", where
// encoding/json gives one) and the kinds of value given and wanted: "killed:
// a string where a whole number is wanted". Other errors are told as they
// are, without encoding/json's "json: " before them.
func Describe(err error) string {
	var te *json.UnmarshalTypeError
	if !errors.As(err, &te) {
		return strings.TrimPrefix(err.Error(), "json: ")
	}
	msg := fmt.Sprintf("%s where %s is wanted", Kind(te.Value), wanted(te.Type))
	if te.Field != "" {
		msg = te.Field + ": " + msg
	}
	return msg
}

// Kind tells a kind of JSON value in the words of these messages ("an
// array", "true or false", "null"), given as encoding/json names it: "string",
// "number", "number 1.5" (a number that did not fit), "array", "object",
// "bool", "null".
func Kind(value string) string {
	switch {
	case value == "null":
		return value
	case value == "bool":
		return "true or false"
	case strings.HasPrefix(value, "number "):
		return "the " + value
	case value == "array" || value == "object":
		return "an " + value
	case value == "":
		return "a value"
	}
	return "a " + value
}

// wanted is the kind of JSON value a Go type is read from.
func wanted(t reflect.Type) string {
	if t == nil {
		return "another kind of value"
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return "a whole number"
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number of at least 0"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice, reflect.Array:
		return "an array"
	case reflect.Struct, reflect.Map:
		return "an object"
	}
	return "another kind of value"
}
