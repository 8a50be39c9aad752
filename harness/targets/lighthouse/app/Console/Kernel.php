<?php

namespace App\Console;

use Illuminate\Foundation\Console\Kernel as ConsoleKernel;

/** Laravel's console kernel; the app has no commands of its own. */
class Kernel extends ConsoleKernel
{
}
