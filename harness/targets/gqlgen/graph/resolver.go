package graph

// The resolvers report what actually arrived: every byte of every upload is read from
// graphql.Upload.File and hashed. Only the filename and the mimetype are taken from gqlgen
// (Upload.Filename and Upload.ContentType, as its MultipartForm transport fills them in);
// Upload.Size, which the transport computes itself, is never used.

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"

	"github.com/99designs/gqlgen/graphql"

	"upspec/targets/gqlgen/graph/model"
)

type Resolver struct{}

// receive reads all of one upload's bytes and reports them.
func receive(upload *graphql.Upload) (*model.UploadedFile, error) {
	if upload == nil {
		return nil, errors.New("upload is null")
	}
	if upload.File == nil {
		return nil, errors.New("upload has no file")
	}
	hash := sha256.New()
	size, err := io.Copy(hash, upload.File)
	if err != nil {
		return nil, err
	}
	return &model.UploadedFile{
		Filename: upload.Filename,
		Mimetype: upload.ContentType,
		Size:     int(size),
		Sha256:   hex.EncodeToString(hash.Sum(nil)),
	}, nil
}

// receiveEach resolves each upload on its own. An upload that cannot be read is reported at its
// own list index (["multiple", 1]); gqlgen then nulls the list item and, the items being
// non-null, the field, without adding an error of its own for that item. (gqlgen's
// MultipartForm transport reads every part before execution starts, so a missing or broken part
// is refused before any resolver runs; this path only guards against read errors.)
func receiveEach(ctx context.Context, uploads []*graphql.Upload) []*model.UploadedFile {
	results := make([]*model.UploadedFile, len(uploads))
	for i, upload := range uploads {
		result, err := receive(upload)
		if err != nil {
			graphql.AddError(graphql.WithPathContext(ctx, graphql.NewPathWithIndex(i)), err)
			continue
		}
		results[i] = result
	}
	return results
}

// flatten returns the uploads of an UploadTree depth first: file, then files in order (nulls
// skipped), then child.
func flatten(tree *model.UploadTree, into []*graphql.Upload) []*graphql.Upload {
	for ; tree != nil; tree = tree.Child {
		if tree.File != nil {
			into = append(into, tree.File)
		}
		for _, file := range tree.Files {
			if file != nil {
				into = append(into, file)
			}
		}
	}
	return into
}
