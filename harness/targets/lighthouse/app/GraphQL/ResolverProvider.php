<?php

namespace App\GraphQL;

use App\GraphQL\Mutations\EchoValue;
use Nuwave\Lighthouse\Schema\ResolverProvider as LighthouseResolverProvider;
use Nuwave\Lighthouse\Schema\Values\FieldValue;

/**
 * Lighthouse's convention (Mutation.single is App\GraphQL\Mutations\Single) for every field but
 * Mutation.echo, whose class name would be a reserved word. The shared schema carries no
 * @field directive, so the exception is made here.
 */
class ResolverProvider extends LighthouseResolverProvider
{
    protected function findResolverClass(FieldValue $fieldValue, string $methodName): ?string
    {
        if ($fieldValue->getParentName() === 'Mutation' && $fieldValue->getFieldName() === 'echo') {
            return EchoValue::class;
        }

        return parent::findResolverClass($fieldValue, $methodName);
    }
}
