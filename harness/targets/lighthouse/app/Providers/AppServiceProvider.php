<?php

namespace App\Providers;

use App\GraphQL\ResolverProvider;
use Illuminate\Support\ServiceProvider;
use Nuwave\Lighthouse\Support\Contracts\ProvidesResolver;

class AppServiceProvider extends ServiceProvider
{
    public function register(): void
    {
        $this->app->bind(ProvidesResolver::class, ResolverProvider::class);
    }
}
