<?php

namespace App\GraphQL;

use Illuminate\Http\UploadedFile;

/** What the resolvers report: every byte of an upload as it arrived, read and hashed. */
final class Uploads
{
    private const CHUNK = 65536;

    /**
     * The schema's UploadedFile for one upload: the client's filename and Content-Type as Laravel
     * reports them (getClientOriginalName, getClientMimeType), and the size and SHA-256 of the
     * bytes read from the file PHP stored.
     *
     * @return array<string, mixed>
     */
    public static function receive($upload): array
    {
        if (! $upload instanceof UploadedFile) {
            throw new \InvalidArgumentException('expected an uploaded file, got ' . get_debug_type($upload));
        }
        // PHP hands over a file it refused (over upload_max_filesize, say) with an error code and
        // no stored bytes; Laravel's documented check reports it.
        if (! $upload->isValid()) {
            throw new \RuntimeException($upload->getErrorMessage());
        }
        $hash = hash_init('sha256');
        $size = 0;
        // A file mapped to several paths is one object; each read opens it from the start.
        $stream = fopen($upload->getRealPath(), 'rb');
        try {
            while (! feof($stream)) {
                $chunk = fread($stream, self::CHUNK);
                $size += strlen($chunk);
                hash_update($hash, $chunk);
            }
        } finally {
            fclose($stream);
        }

        return [
            'filename' => $upload->getClientOriginalName(),
            'mimetype' => $upload->getClientMimeType(),
            'size' => $size,
            'sha256' => hash_final($hash),
        ];
    }

    /**
     * @param  array<int, mixed>  $uploads
     * @return array<int, array<string, mixed>>
     */
    public static function receiveAll(array $uploads): array
    {
        return array_map([self::class, 'receive'], $uploads);
    }

    /**
     * The uploads of an UploadTree, depth first: file, files in order (nulls skipped), child.
     *
     * @param  array<string, mixed>|null  $tree
     * @return array<int, mixed>
     */
    public static function flatten(?array $tree): array
    {
        $uploads = [];
        while ($tree !== null) {
            if (($tree['file'] ?? null) !== null) {
                $uploads[] = $tree['file'];
            }
            foreach ($tree['files'] ?? [] as $file) {
                if ($file !== null) {
                    $uploads[] = $file;
                }
            }
            $tree = $tree['child'] ?? null;
        }

        return $uploads;
    }
}
