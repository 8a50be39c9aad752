<?php

// Laravel's view settings; the app renders no views, but the framework's view factory needs paths.

return [
    'paths' => [resource_path('views')],
    'compiled' => storage_path('framework/views'),
];
