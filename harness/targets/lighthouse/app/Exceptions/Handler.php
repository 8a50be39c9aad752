<?php

namespace App\Exceptions;

use Illuminate\Foundation\Exceptions\Handler as ExceptionHandler;

/** Laravel's exception handler as a new project has it: it reports to the log and renders. */
class Handler extends ExceptionHandler
{
}
