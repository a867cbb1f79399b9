"""How drf-spectacular describes the API in the OpenAPI contract.

Views declare their query parameters once (``parameters_class``, see api/views/base.py);
this schema class turns them into documented parameters and adds the problem answers
every public endpoint can give, so neither has to be repeated per view.
"""

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiResponse

from api.problems import PROBLEM_CONTENT_TYPE, ProblemSerializer


class HubAutoSchema(AutoSchema):
    # Problem answers of every read endpoint, by status code.
    problem_responses = {
        "400": "Unknown query parameter or invalid value.",
        "404": "Not found, or not public.",
    }

    def get_override_parameters(self):
        parameters = list(super().get_override_parameters())
        parameters_class = getattr(self.view, "parameters_class", None)
        if parameters_class is not None and parameters_class().fields:
            parameters.append(parameters_class)
        return parameters

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if self.method != "GET":
            return responses
        for status_code, description in self.problem_responses.items():
            if status_code in responses:
                continue
            response = OpenApiResponse(response=ProblemSerializer, description=description)
            responses[status_code] = self._get_response_for_code(
                response, status_code, media_types=[PROBLEM_CONTENT_TYPE]
            )
        return responses


def public_api_only(endpoints, **kwargs):
    """drf-spectacular preprocessing hook: the contract covers /api/v1/ alone.

    The Wagtail admin and wagtail-localize have DRF views of their own; they are internal
    to the admin and must not appear in the frontends' contract.
    """
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]
