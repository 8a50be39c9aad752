<?php

// Lighthouse's settings that differ from its defaults (Laravel merges this file over them, key by
// key at the top level, so each key here is given whole).

return [
    // Lighthouse's route as by default, without AttemptAuthentication: the app has no users.
    'route' => [
        'uri' => '/graphql',
        'name' => 'graphql',
        'middleware' => [
            Nuwave\Lighthouse\Support\Http\Middleware\AcceptJson::class,
        ],
    ],

    // The conformance schema itself, where it lies in the repository.
    'schema' => [
        'register' => base_path('../../schema.graphql'),
    ],

    // By default a scalar is looked up in App\GraphQL\Scalars; Lighthouse's own namespace is added
    // so that `scalar Upload` is Lighthouse's documented Upload scalar without a @scalar directive
    // in the shared schema.
    'namespaces' => [
        'models' => ['App', 'App\\Models'],
        'queries' => 'App\\GraphQL\\Queries',
        'mutations' => 'App\\GraphQL\\Mutations',
        'subscriptions' => 'App\\GraphQL\\Subscriptions',
        'interfaces' => 'App\\GraphQL\\Interfaces',
        'unions' => 'App\\GraphQL\\Unions',
        'scalars' => ['App\\GraphQL\\Scalars', 'Nuwave\\Lighthouse\\Schema\\Types\\Scalars'],
        'directives' => ['App\\GraphQL\\Directives'],
        'validators' => ['App\\GraphQL\\Validators'],
    ],

    // Mutations run in a database transaction by default; the app has no database.
    'transactional_mutations' => false,
];
